// A Maven repository on 127.0.0.1 for `npm run release:rehearse`: serves a directory over HTTP as a Maven
// repository does (GET, HEAD), and takes deployments (PUT) with the user and password of the run, the way a
// release repository does: a release file that is already there is never overwritten (409 Conflict, which is what
// publib-maven reads as "already published"); maven-metadata.xml and its checksums may be rewritten.
//   node scripts/rehearse/maven-repository.js <directory> <port file>
// MAVEN_USERNAME and MAVEN_PASSWORD are the credentials it accepts. It listens on a free port and writes the
// port to <port file> once it listens.
'use strict';
const { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } = require('fs');
const { createServer } = require('http');
const { dirname, join, normalize, sep } = require('path');

const [root, portFile] = process.argv.slice(2);
const expected = 'Basic ' + Buffer.from(`${process.env.MAVEN_USERNAME}:${process.env.MAVEN_PASSWORD}`).toString('base64');
const rewritable = /(^|\/)maven-metadata\.xml(\.(md5|sha1|sha256|sha512))?$/;

const server = createServer((req, res) => {
  const relative = normalize(decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname)).replace(/^[/\\]+/, '');
  const file = join(root, relative);
  if (relative.startsWith('..') || !file.startsWith(root + sep)) {
    return end(res, 400, 'bad path');
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (!existsSync(file) || !statSync(file).isFile()) {
      return end(res, 404, 'not found');
    }
    res.writeHead(200, { 'content-length': statSync(file).size });
    return req.method === 'HEAD' ? res.end() : createReadStream(file).pipe(res);
  }
  if (req.method === 'PUT') {
    if (req.headers.authorization !== expected) {
      res.setHeader('www-authenticate', 'Basic realm="rehearsal"');
      return end(res, 401, 'unauthorized');
    }
    if (existsSync(file) && !rewritable.test(relative)) {
      req.resume();
      return end(res, 409, `${relative} is already in this release repository`);
    }
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.part`;
    const out = createWriteStream(partial);
    req.pipe(out);
    out.on('finish', () => { renameSync(partial, file); end(res, 201, 'created'); });
    out.on('error', () => end(res, 500, 'write failed'));
    return undefined;
  }
  return end(res, 405, 'method not allowed');
});

function end(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text + '\n');
}

server.listen(0, '127.0.0.1', () => writeFileSync(portFile, String(server.address().port)));
