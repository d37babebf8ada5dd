/** "42s", "3m05s", "1h02m": a duration for a human. */
export const formatDuration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3_600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3_600)}h${String(Math.floor((s % 3_600) / 60)).padStart(2, '0')}m`;
};

/**
 * Progress of a long command on stderr: on a terminal, a bar rewritten in place (done/total, rate,
 * time left); otherwise (logs, CI) plain lines, at most one every two seconds, and the last one.
 */
export const progressReporter = (label: string, stream: NodeJS.WriteStream = process.stderr, unit = 'events') => {
  const startedAt = performance.now();
  let lastLineAt = 0;
  let lastLength = 0;
  return (done: number, total: number, final = false): void => {
    const now = performance.now();
    if (!final && now - lastLineAt < (stream.isTTY ? 100 : 2_000) && done !== 0) return;
    lastLineAt = now;
    const seconds = (now - startedAt) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 && total > done ? formatDuration((total - done) / rate) : null;
    const width = 30;
    const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : width;
    const bar = stream.isTTY ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
    const timing = final ? ` in ${formatDuration(seconds)}` : left === null ? '' : ` ${left} left`;
    const line = `${label} ${bar}${done}/${total} ${unit} ${Math.round(rate)}/s${timing}`;
    if (!stream.isTTY) {
      stream.write(`${line}\n`);
      return;
    }
    // Pad over the rest of a longer previous line.
    stream.write(`\r${line}${' '.repeat(Math.max(0, lastLength - line.length))}${final ? '\n' : ''}`);
    lastLength = line.length;
  };
};
