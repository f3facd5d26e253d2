// <CsvProblems problems />: the check results of CSV files, errors first.
import { problemCount, type CsvProblem } from '../../domain/csv/types';
import './preview.css';

/** `blocked`: something else stops the send, so the warnings do not say it may go as it is. */
export function CsvProblems({ problems, blocked = false }: { problems: CsvProblem[]; blocked?: boolean }) {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return (
    <div class="csv-problems">
      {errors.length > 0 && (
        <div class="csv-problems-errors" role="alert" tabIndex={-1}>
          <p class="csv-problems-heading">CSVの内容に誤りがあります({problemCount(errors, 'error')}件)。直してから送信してください。</p>
          <ul>{errors.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div class="csv-problems-warnings" role="status">
          <p class="csv-problems-heading">確認してください({problemCount(warnings, 'warning')}件)。{errors.length > 0 || blocked ? '' : 'このまま送信もできます。'}</p>
          <ul>{warnings.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
