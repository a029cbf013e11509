// What the schemas cannot see (rendered objects on standard input): the PrometheusRule is the
// local run's rule file, and matching-service never scales past the partitions it consumes, where
// a replica more would get no partition to work on.
import fs from 'node:fs';
import * as yaml from 'js-yaml';
import { prometheusRule, target } from './prometheus-rule.mjs';

const label = process.argv[2] ?? 'input';
const problems = [];
if (fs.readFileSync(target, 'utf8') !== prometheusRule()) {
  problems.push('deploy/k8s/base/monitoring/prometheus-rule.yaml is not the rule file: run tools/k8s/prometheus-rule.mjs');
}
const objects = yaml.loadAll(fs.readFileSync(0, 'utf8')).filter((d) => d);
const partitions = objects.filter((o) => o.kind === 'KafkaTopic').map((o) => o.spec.partitions);
const matching = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef.name === 'matching-service');
if (matching && matching.spec.maxReplicas > Math.min(...partitions)) {
  problems.push(`matching-service may scale to ${matching.spec.maxReplicas} replicas, its topics have ${Math.min(...partitions)} partitions`);
}
for (const problem of problems) console.error(`${label}: ${problem}`);
process.exit(problems.length ? 1 : 0);
