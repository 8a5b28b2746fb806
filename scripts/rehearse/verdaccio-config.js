// Writes the Verdaccio configuration of `npm run release:rehearse`: Verdaccio's own default configuration (so the
// uplink it proxies other packages from is its default one, the public npm registry), with storage and the user
// file in the run's directory, one user at most (the one the run adds), and this library served from what was
// published here only: never from the uplink, so an install can only get the artifact under test.
//   node scripts/rehearse/verdaccio-config.js <run directory> > config.yaml
'use strict';
const { readFileSync } = require('fs');
const { join } = require('path');
const YAML = require('yaml');
const { name } = require('../../package.json');

const dir = process.argv[2];
const config = YAML.parse(readFileSync(require.resolve('@verdaccio/config/build/conf/default.yaml'), 'utf8'));

config.storage = join(dir, 'storage');
config.auth = { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1 } };
config.packages = { [name]: { access: '$all', publish: '$authenticated', unpublish: '$authenticated' }, ...config.packages };
config.middlewares = { audit: { enabled: false } };
config.log = { type: 'stdout', format: 'pretty', level: 'warn' };
process.stdout.write(YAML.stringify(config));
