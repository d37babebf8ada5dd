/**
 * Progress of a long command on stderr: one line rewritten in place on a terminal (done/total, rate,
 * time left), plain lines at most every few seconds otherwise (logs, CI).
 */
export const progressReporter = (label: string, stream: NodeJS.WriteStream = process.stderr) => {
  const startedAt = performance.now();
  let lastLineAt = 0;
  return (done: number, total: number, final = false): void => {
    const now = performance.now();
    if (!final && !stream.isTTY && now - lastLineAt < 2_000 && done !== 0) return;
    lastLineAt = now;
    const seconds = (now - startedAt) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? Math.ceil((total - done) / rate) : null;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const bar = stream.isTTY ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
    const line = `${label} ${bar}${done}/${total} events ${Math.round(rate)}/s${left === null || final ? '' : ` ${left}s left`}`;
    stream.write(stream.isTTY ? `\r${line}${final ? '\n' : ''}` : `${line}\n`);
  };
};
