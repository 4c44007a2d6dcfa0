"""Reports for people and machines: HTML (editors), Markdown (CI summaries), JUnit XML (CI dashboards).

Modules:
    harness.report.html      render_check_report(report, goldset, texts), render_run_report(run)
    harness.report.markdown  render_check_markdown(report, texts), render_run_markdown(run)
    harness.report.junit     write_junit(path, suite_name, results), junit_xml(suites)
    harness.report.rundata   load_run(run_dir): the results/<run-id>/ folder as read by reports and gates
"""
