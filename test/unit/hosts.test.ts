// Which URLs point at this machine (no confirmation asked) and which do not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isLoopbackUrl } from '../../server/src/core/base/hosts';

const loopback = [
  'http://localhost/',
  'http://LOCALHOST:8080/x',
  'http://localhost./x',
  'http://api.localhost:3000/postback',
  'http://127.0.0.1:9000/',
  'https://127.255.10.2/',
  'http://127.1/',
  'http://[::1]:8080/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::ffff:127.0.0.1]/',
];

const elsewhere = [
  'https://keitaro.example.com/postback',
  'http://localhost.example.com/',
  'http://mylocalhost/',
  'http://128.0.0.1/',
  'http://10.0.0.1/',
  'http://0.0.0.0/',
  'http://[::2]/',
  'http://[::ffff:10.0.0.1]/',
  'http://127.0.0.1.nip.io/',
  'not a url',
  '',
];

describe('isLoopbackUrl', () => {
  for (const url of loopback) {
    test(`${url} is loopback`, () => assert.equal(isLoopbackUrl(url), true));
  }
  for (const url of elsewhere) {
    test(`"${url}" is not loopback`, () => assert.equal(isLoopbackUrl(url), false));
  }
});
