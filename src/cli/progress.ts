/** A one-line progress bar on a terminal; silent elsewhere. Returns the function that advances it. */
export function progressBar(total: number, write: (s: string) => void, interactive: boolean): (done: number, label: string) => void {
  if (!interactive || total < 2) return () => {};
  const width = 30;
  return (done, label) => {
    const filled = Math.round((done / total) * width);
    write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
    if (done === total) write('\n');
  };
}
