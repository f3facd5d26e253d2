// "ほかにN…" under a table cut short (a 10 MB file would not fit a tablet's memory or screen).
export function Omitted({ count, unit }: { count: number; unit: string }) {
  return count > 0 ? <p class="csv-preview-note">ほかに{count}{unit}あります(表示を省略しました)</p> : null;
}
