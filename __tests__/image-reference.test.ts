// The one image reference parser of the project: what the image sizes read and what the diagnosis
// explains about a bad tag.
import { describe, expect, it } from '@jest/globals';
import { explainReference, formatReference, InvalidReferenceError, parseReference, withDigest, withTag } from '../src/reference/image-reference.js';

const D1 = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['ghcr.io/org/app:tag', { registry: 'ghcr.io', repository: 'org/app', tag: 'tag', digest: null }],
    ['alpine', { registry: 'docker.io', repository: 'library/alpine', tag: 'latest', digest: null }],
    ['user/app:1.2', { registry: 'docker.io', repository: 'user/app', tag: '1.2', digest: null }],
    ['docker.io/library/alpine:3.20', { registry: 'docker.io', repository: 'library/alpine', tag: '3.20', digest: null }],
    ['docker.io/alpine', { registry: 'docker.io', repository: 'library/alpine', tag: 'latest', digest: null }],
    ['index.docker.io/foo/bar', { registry: 'docker.io', repository: 'foo/bar', tag: 'latest', digest: null }],
    [`app@${D1}`, { registry: 'docker.io', repository: 'library/app', tag: null, digest: D1 }],
    [`ghcr.io/org/app:1.0@${D1}`, { registry: 'ghcr.io', repository: 'org/app', tag: '1.0', digest: D1 }],
    ['127.0.0.1:5000/x:y', { registry: '127.0.0.1:5000', repository: 'x', tag: 'y', digest: null }],
    ['localhost:5000/team/app', { registry: 'localhost:5000', repository: 'team/app', tag: 'latest', digest: null }],
    ['localhost/app:v1', { registry: 'localhost', repository: 'app', tag: 'v1', digest: null }],
    ['[::1]:5000/app:v1', { registry: '[::1]:5000', repository: 'app', tag: 'v1', digest: null }],
    ['Registry.Example.COM/a/b-c__d.e:V_1', { registry: 'registry.example.com', repository: 'a/b-c__d.e', tag: 'V_1', digest: null }],
    ['  ghcr.io/o/a:t  ', { registry: 'ghcr.io', repository: 'o/a', tag: 't', digest: null }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it.each([
    ['', /the reference is empty/],
    ['app:', /the tag after `:` is empty/],
    ['App', /must be lowercase/],
    ['ghcr.io/Org/app', /must be lowercase/],
    ['app:-bad', /starts with `-`/],
    ['app@sha256:abc', /not a digest/],
    ['https://ghcr.io/org/app', /no scheme/],
    ['ghcr.io//app', /empty component/],
    ['ghcr.io/org/app:' + 'x'.repeat(129), /129 characters long/],
    ['ghcr.io/org/app:v1!', /may only hold letters/],
    ['my_host.com:5000/app', /not a valid registry host/],
    ['my app', /white space/],
  ])('rejects %j with a one-line reason', (input, reason) => {
    expect(() => parseReference(input)).toThrow(InvalidReferenceError);
    expect(() => parseReference(input)).toThrow(reason);
    try {
      parseReference(input);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('formats and re-tags', () => {
    const ref = parseReference(`ghcr.io/org/app:pr-1@${D1}`);
    expect(formatReference(ref)).toBe(`ghcr.io/org/app:pr-1@${D1}`);
    expect(formatReference(withTag(ref, 'main'))).toBe('ghcr.io/org/app:main');
    expect(() => withTag(ref, '-x')).toThrow(/invalid tag/);
  });
});

describe('explainReference', () => {
  it.each([
    ['ghcr.io/org/app:1.2', null],
    ['ghcr.io/org/app:-0899a35', 'the tag `-0899a35` starts with `-`; a tag must start with a letter, a digit or `_`'],
    ['ghcr.io/Org/app:1', 'the repository name must be lowercase (`Org`)'],
    ['ghcr.io//app:1', 'the name has an empty component (`//`, or a leading or trailing `/`): a variable in it is probably empty'],
    ['', 'the reference is empty'],
    // A secret the runner masked: when the rest is valid, the hidden value broke the rule; else the rest's problem is named.
    [
      'gcr.io/***/my_app_name',
      "`***` is a secret's value the runner hides in logs, and the rest of the reference is valid: check that secret's value where it goes into the reference (upper case, a trailing newline or blank, a whole URL where one name belongs)",
    ],
    ['gcr.io/***/My_App:1', 'the repository name must be lowercase (`My_App`)'],
  ])('%j -> %j', (reference, rule) => {
    expect(explainReference(reference)).toBe(rule);
  });

  it('agrees with parseReference: a reference it accepts parses, one it explains throws that explanation', () => {
    for (const text of ['alpine', 'ghcr.io/o/a:t', 'App', 'a:', 'a@sha256:1', '127.0.0.1:5000/x:y', 'x//y']) {
      const rule = explainReference(text);
      if (rule === null) expect(() => parseReference(text)).not.toThrow();
      else expect(() => parseReference(text)).toThrow(rule);
    }
  });

  it('names one manifest of an index by digest', () => {
    expect(formatReference(withDigest(parseReference('127.0.0.1:5000/app:v1'), D1))).toBe(`127.0.0.1:5000/app@${D1}`);
  });
});
