/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the harness runs in plain Node, not inside n8n */
import * as path from 'node:path';

import { REPO_ROOT } from '../../../scripts/runtime';

/** Where the global setup leaves the packed package for every e2e test file. */
export function packageTarball(): string {
	return path.join(REPO_ROOT, '.test-results', 'package', 'n8n-nodes-social-collections.tgz');
}
