// Timing helpers: wall time and this process's CPU time (user + system) over a batch of calls.

/** Runs `task` `count` times with `concurrency` in flight; returns per-call wall and CPU microseconds. */
export async function measure(task, { count, concurrency = 1, warmup = Math.min(50, count) }) {
  await runPool(task, warmup, concurrency);
  globalThis.gc?.();
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await runPool(task, count, concurrency);
  const wallMicros = Number(process.hrtime.bigint() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: count / (wallMicros / 1e6), cpuMicros: (cpu.user + cpu.system) / count, wallMicros: wallMicros / count };
}

async function runPool(task, count, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/**
 * Measures several clients fairly: one warm-up pass for each (so no client is measured with a
 * colder JIT than another), then `rounds` interleaved passes; each figure is the median.
 */
export async function compare(tasks, { count, concurrency = 1, rounds = 3, warmup = Math.min(200, count) }) {
  for (const task of tasks) await measure(task, { count: warmup, concurrency, warmup: 0 });
  const samples = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, task] of tasks.entries()) samples[index].push(await measure(task, { count, concurrency, warmup: 0 }));
  }
  return samples.map((runs) => ({
    perSecond: median(runs.map((run) => run.perSecond)),
    cpuMicros: median(runs.map((run) => run.cpuMicros)),
    wallMicros: median(runs.map((run) => run.wallMicros)),
  }));
}

/** The median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
