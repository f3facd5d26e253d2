// 印刷: the browser's print dialog; the print stylesheet (src/print.css) leaves out the menu and
// the controls and lays the page out on A4.
export function PrintButton({ label = '印刷' }: { label?: string }) {
  return (
    <button type="button" class="print-button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
