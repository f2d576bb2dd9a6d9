/**
 * Ends the run with the plain "N passed, N failed" line that CI reads. Jest prints its own summary on
 * stderr, so the line goes there (to come last) and to stdout (for readers of stdout alone).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    // A suite that fails to load has no failed test in it, yet the run failed: count it.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `\njest: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`;
    process.stdout.write(line);
    process.stderr.write(line);
  }
}
module.exports = SummaryReporter;
