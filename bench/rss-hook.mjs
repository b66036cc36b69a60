// Preloaded (`node --import bench/rss-hook.mjs …`) by bench/run.mjs where GNU time is missing: at exit, the process
// reports its own peak resident memory and CPU time on stderr, for the bench to read. Does nothing unless BENCH_RSS is set.
if (process.env.BENCH_RSS) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    process.stderr.write(`\nBENCH_MAXRSS_KB=${usage.maxRSS}\nBENCH_CPU_MS=${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
  });
}
