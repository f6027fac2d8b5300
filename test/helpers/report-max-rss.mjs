// Preloaded into a `neocc` child (node --import) by tests that bound its memory: at exit, writes the process's
// peak resident set size in bytes to the file named by NEOCC_TEST_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  writeFileSync(process.env.NEOCC_TEST_MAX_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
