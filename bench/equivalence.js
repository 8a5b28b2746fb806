'use strict';
// Checks that the implementations synthesized the same app: the same templates, once the stage's own logical
// id is set aside (a raw CfnStage sits one level higher in the construct tree, so its id has no hash suffix).
const fs = require('fs');
const path = require('path');

/** A template with its resources as a sorted list (logical ids dropped), so equal apps compare equal. */
function canonicalTemplate(template) {
  const resources = Object.values(template.Resources ?? {}).map((r) => JSON.stringify(r)).sort();
  return JSON.stringify({ ...template, Resources: resources });
}

function readTemplates(outdir) {
  return fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json')).sort()
    .map((f) => ({ file: f, text: canonicalTemplate(JSON.parse(fs.readFileSync(path.join(outdir, f), 'utf8'))) }));
}

/** Throws unless every cloud assembly in `outdirs` ({ name: dir }) holds the same templates. */
function assertSameTemplates(outdirs) {
  const [[firstName, firstDir], ...rest] = Object.entries(outdirs);
  const expected = readTemplates(firstDir);
  for (const [name, dir] of rest) {
    const actual = readTemplates(dir);
    const same = actual.length === expected.length
      && actual.every((t, i) => t.file === expected[i].file && t.text === expected[i].text);
    if (!same) {
      throw new Error(`${name} synthesized different templates from ${firstName} (${dir} vs ${firstDir})`);
    }
  }
}

module.exports = { assertSameTemplates };
