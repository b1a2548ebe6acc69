package demoseed

// legacyAnalytics is the suspended account of an analytics project that was
// wound down: its secrets are still there, unread since it stopped.
func legacyAnalytics() []secretDef {
	return []secretDef{
		{name: "analytics/redshift", team: "data", env: "prod",
			desc:    "Warehouse login of the old analytics stack",
			value:   rdsCredentials("redshift", "analytics-legacy.c7x2k9q1m4ve.us-east-1.redshift.amazonaws.com", 5439, "analyst", "analytics"),
			ageDays: 1500, staleDays: 410},
		{name: "analytics/airflow-db", team: "data", env: "prod",
			value:   rdsCredentials("mysql", "airflow-legacy.c7x2k9q1m4ve.us-east-1.rds.amazonaws.com", 3306, "airflow", "airflow"),
			ageDays: 1480, staleDays: 405},
		{name: "analytics/dashboard-admin", team: "data", env: "prod",
			desc:    "Dashboard server admin login",
			value:   login("https://dashboards.legacy.larkspur.example", "admin"),
			ageDays: 1450, staleDays: 398},
		{name: "analytics/tracking-write-key", team: "data", env: "prod",
			value:   apiKey("demo_wk_", 32),
			ageDays: 1400, staleDays: 420},
		{name: "analytics/s3-export-keys",
			desc:    "Export access key (AWS documentation example values)",
			value:   exampleAWSKeys(),
			ageDays: 1300, staleDays: 430},
	}
}
