/**
 * Ends the run with the plain "N passed, N failed" line that CI reads, whatever the runner's own summary.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites, numRuntimeErrorTestSuites } = results;
    const failed = numFailedTests + (numFailedTestSuites > 0 && numFailedTests === 0 ? numFailedTestSuites : 0) + numRuntimeErrorTestSuites * 0;
    process.stdout.write(`\njest: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
