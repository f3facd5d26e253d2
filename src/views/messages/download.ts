// Hands bytes to the browser as a download under the original name, without re-encoding.

export function saveBytes(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // the download has started from the URL by now; give slow browsers a moment before freeing it
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
