package demoseed

import "github.com/keyhole-tui/keyhole/awsx/emulator"

// The config secrets: nested JSON with objects within objects and arrays,
// as teams keep a whole service's settings in one secret.

// indexerConfig is the search indexer's settings.
func indexerConfig(d *dice) emulator.SeedVersion {
	index := func(name string, shards, replicas int) object {
		return object{{"name", name}, {"shards", shards}, {"replicas", replicas}}
	}
	return jsonVersion(object{
		{"cluster", object{
			{"endpoint", "https://search-prod.larkspur.example:443"},
			{"region", "us-east-1"},
			{"auth", object{{"username", "indexer"}, {"password", d.password(24)}}},
		}},
		{"indexes", []object{
			index("products-v7", 6, 2),
			index("merchants-v3", 3, 2),
			index("help-articles-v2", 1, 1),
		}},
		{"batch", object{{"size", 500 * d.between(1, 4)}, {"flushIntervalSeconds", 5}, {"maxRetries", 8}}},
		{"features", object{{"synonyms", true}, {"learningToRank", d.chance(0.5)}, {"languages", []string{"en", "de", "fr", "es", "ja"}}}},
	})
}

// inferenceConfig is the online inference service's settings.
func inferenceConfig(d *dice) emulator.SeedVersion {
	model := func(name, version string, threshold float64) object {
		return object{
			{"name", name}, {"version", version},
			{"endpoint", "https://inference.larkspur.example/v1/models/" + name},
			{"threshold", threshold},
		}
	}
	return jsonVersion(object{
		{"models", []object{
			model("fraud-score", "2026.10."+d.text(digits, 1), 0.87),
			model("search-rerank", "2026.09.2", 0.5),
			model("churn-risk", "2026.08.14", 0.72),
		}},
		{"featureStore", object{
			{"host", "feature-store-prod.cluster-cdemo1x9kq2z.us-east-1.rds.amazonaws.com"},
			{"user", "inference_ro"}, {"password", d.password(28)},
		}},
		{"providers", object{
			{"llmGateway", object{{"baseUrl", "https://llm-gateway.larkspur.example"}, {"apiKey", "sk_test_demo_llm_" + d.text(alnum, 32)}}},
		}},
		{"timeoutsMs", object{{"connect", 250}, {"request", 1500}}},
	})
}

// airflowConnections is the data team's Airflow connections backend.
func airflowConnections(d *dice) emulator.SeedVersion {
	return jsonVersion(object{
		{"connections", []object{
			{
				{"conn_id", "warehouse"}, {"conn_type", "redshift"},
				{"host", "warehouse-prod.cdemo1x9kq2z.us-east-1.redshift.amazonaws.com"}, {"port", 5439},
				{"login", "airflow"}, {"password", d.password(28)},
				{"extra", object{{"sslmode", "verify-full"}, {"connect_timeout", 10}}},
			},
			{
				{"conn_id", "events_kafka"}, {"conn_type", "kafka"},
				{"extra", object{
					{"bootstrap.servers", "b-1.events.larkspur.example:9096,b-2.events.larkspur.example:9096"},
					{"sasl.username", "airflow"}, {"sasl.password", d.password(28)},
				}},
			},
			{
				{"conn_id", "partner_exports"}, {"conn_type", "aws"},
				{"extra", object{{"role_arn", "arn:aws:iam::123456789012:role/partner-export-writer"}, {"region_name", "eu-west-1"}}},
			},
		}},
		{"variables", object{{"alert_email", "data-oncall@example.com"}, {"max_active_runs", 4}}},
	})
}
