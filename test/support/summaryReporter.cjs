// Jest reporter: the run's result as one line, `N passed, N failed` (tests over all projects).
// A test file that fails outside its tests (cannot be loaded, or a hook such as afterAll throws)
// counts as one failed test, so a broken file can never look green.
//
// Jest's own summary reporter always runs after custom ones and warnings can follow it, so the
// line is printed at process exit. Run through scripts/run-tests.mjs, the counts go instead to
// the JSON file named by FORUM_TEST_SUMMARY_FILE and the runner prints the line after Jest has
// exited (it also prints one when Jest fails before any test, e.g. no database).
"use strict";
const fs = require("node:fs");

class SummaryReporter {
  onRunComplete(_testContexts, results) {
    let failed = results.numFailedTests;
    for (const file of results.testResults) {
      const failedOutsideTests =
        (file.testExecError !== undefined && file.testExecError !== null) ||
        (Boolean(file.failureMessage) && file.numFailingTests === 0);
      if (failedOutsideTests) failed += 1;
    }
    const summary = { passed: results.numPassedTests, failed };
    const summaryFile = process.env.FORUM_TEST_SUMMARY_FILE;
    if (summaryFile) {
      fs.writeFileSync(summaryFile, JSON.stringify(summary));
    } else {
      process.once("exit", () => {
        process.stdout.write(`${summary.passed} passed, ${summary.failed} failed\n`);
      });
    }
  }
}

module.exports = SummaryReporter;
