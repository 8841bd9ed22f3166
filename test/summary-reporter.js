/**
 * Prints the run's closing line as "N passed, N failed" alone on a line, the plain form CI reads for any runner.
 */
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`\n${line}\n`);
    // .ci/run prints it again as the very last line, after the global teardown's own output
    fs.mkdirSync(path.resolve('test-artifacts'), { recursive: true });
    fs.writeFileSync(path.resolve('test-artifacts', 'summary.txt'), `${line}\n`);
  }
}
module.exports = SummaryReporter;
