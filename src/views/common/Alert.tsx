// Errors in role="alert" so screen readers announce them and tests can find them.
export function ErrorList({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" tabIndex={-1}>
      {errors.length === 1 ? <p>{errors[0]}</p> : <ul>{errors.map((error) => <li key={error}>{error}</li>)}</ul>}
    </div>
  );
}

export function WarningList({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div class="alert alert-warning" role="status">
      <ul>{warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>
    </div>
  );
}
