// Generates the bench corpus from one seed: a fields file, script files (YAML, JSON) and .webhook files of realistic shape.

/** mulberry32: a small seeded generator, so every run measures the same text. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const EXAMPLES = [150, 'KZ', undefined, '2030-01-30T10:20:30Z', undefined, undefined, 'https://example.com/offer'];
const exampleOf = (type, key) => EXAMPLES[type] ?? `${key}_1`;

export const CUSTOM_FIELDS = ['deposit_amount', 'geo', 'trader_id', 'reg_date', 'refId', 'phone', 'email', 'lang', 'offer', 'age', 'balance', 'tariff'];
export const TRACKER_FIELDS = ['clickid', 'sub1', 'sub2', 'sub3', 'buyer', 'campaign', 'source', 'creative'];
const VARIABLES = ['regLink', 'supportLink', 'promo'];
const MESSAGE_KEYS = ['username', 'name', 'chatId', 'createdAt', ...CUSTOM_FIELDS.map((k) => `fields.${k}`), ...TRACKER_FIELDS.map((k) => `tracker.${k}`), ...VARIABLES.map((k) => `variables.${k}`)];
const WEBHOOK_KEYS = ['username', 'chatId', 'stepKey', 'createdAt', ...CUSTOM_FIELDS, ...TRACKER_FIELDS.map((k) => `tracker.${k}`)];
/** Mistakes users make; each is reported by the check. */
const MESSAGE_MISTAKES = ['{username}', '{{fields.gep}}', '{{tracker.clikid}}', '{{ chatId }}'];
const WEBHOOK_MISTAKES = ['{chatid}', '{tracker.clikid}', '{{tracker.clickid}}', '{fields.geo}', '{stepId}', '{tracker.clickid'];
const WORDS = 'your bonus is waiting register now deposit today traders from get a gift the offer ends soon thank you we received support will answer in minutes'.split(' ');
const HOSTS = [['https://keitaro.yoursite.com/25123a/postback', 'keitaro'], ['https://binom.example.com/click.php', 'binom'], ['https://crm.example.com/api/leads', 'free'], ['https://track.example.net/postback', 'free']];

/** The fields file every template of the corpus is checked against. */
export function fieldsFileText() {
  const customFields = Object.fromEntries(CUSTOM_FIELDS.map((key, i) => [key, { type: ['number', 'select', 'text', 'date', 'text', 'text', 'link'][i % 7], ...(i % 7 === 1 ? { items: ['KZ', 'UZ', 'AZ'] } : {}), description: `The ${key} of the user`, example: exampleOf(i % 7, key) }]));
  const trackerFields = Object.fromEntries(TRACKER_FIELDS.map((key) => [key, { description: `Tracker ${key}`, example: `${key}-7f3a` }]));
  const botVariables = Object.fromEntries(VARIABLES.map((key) => [key, { value: `https://partner.example.com/${key}?clickid={{tracker.clickid}}`, description: `The ${key}` }]));
  const profiles = { lead: { username: 'ivan_petrov', chatId: 482913377, 'tracker.clickid': '7f3a9c01', deposit_amount: 0 }, 'no-username': { username: '', chatId: 1000001 } };
  return JSON.stringify({ placeholderSyntax: 'braces', customFields, trackerFields, botVariables, profiles }, null, 2) + '\n';
}

function sentence(random, keys, open, close, mistake) {
  const words = [];
  for (let i = 0; i < 8 + Math.floor(random() * 10); i++) words.push(random() < 0.2 ? `${open}${pick(random, keys)}${close}` : pick(random, WORDS));
  if (mistake) words.splice(Math.floor(random() * words.length), 0, mistake);
  return words.join(' ');
}

function messageStep(random, key, mistakeRate) {
  const mistake = random() < mistakeRate ? pick(random, MESSAGE_MISTAKES) : undefined;
  const step = { key, type: 'message', text: sentence(random, MESSAGE_KEYS, '{{', '}}', mistake) };
  if (random() < 0.3) step.buttons = [{ text: 'Register', url: '{{variables.regLink}}' }];
  if (random() < 0.2) step.delay = pick(random, ['5m', '1h', '1d']);
  return step;
}

/** Query strings each receiver accepts (Keitaro, Binom), and a CRM whose parameters are free. */
const QUERIES = {
  keitaro: (random) => [`subid={tracker.clickid}`, `status=${pick(random, ['lead', 'sale'])}`, ...extraParams(random, 'sub_id_')],
  binom: (random) => ['cnv_id={tracker.clickid}', 'payout={deposit_amount}', `cnv_status=${pick(random, ['lead', 'sale'])}`],
  free: (random) => ['subid={tracker.clickid}', `status=${pick(random, ['lead', 'sale', 'reg'])}`, ...extraParams(random, 'p')],
};

function extraParams(random, prefix) {
  return Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => `${prefix}${i + 1}={${pick(random, WEBHOOK_KEYS)}}`);
}

function webhookUrl(random, mistake) {
  const [host, kind] = pick(random, HOSTS);
  const params = QUERIES[kind](random);
  if (mistake) params.push(`x=${mistake}`);
  return `${host}?${params.join('&')}`;
}

function webhookBody(random) {
  const entries = Array.from({ length: 2 + Math.floor(random() * 4) }, () => `"${pick(random, CUSTOM_FIELDS)}": "{${pick(random, WEBHOOK_KEYS)}}"`);
  return `{"chat_id": "{chatId}", ${entries.join(', ')}, "meta": {}}`;
}

function webhookStep(random, key, mistakeRate) {
  const mistake = random() < mistakeRate ? pick(random, WEBHOOK_MISTAKES) : undefined;
  const post = random() < 0.4;
  const step = { key, type: pick(random, ['webhook', 'webhook', 'send_webhook']), method: post ? 'POST' : 'GET', url: webhookUrl(random, mistake) };
  if (post) {
    step.headers = { 'Content-Type': 'application/json', 'X-Buyer': '{tracker.buyer}' };
    step.body = webhookBody(random);
  }
  return step;
}

function otherStep(random, key, flows) {
  return random() < 0.5 ? { key, type: 'change_flow', flow: pick(random, flows) } : { key, type: 'change_tag', tag: pick(random, ['lead', 'depositor', 'cold']) };
}

function step(random, key, flows, mistakeRate) {
  const roll = random();
  if (roll < 0.55) return messageStep(random, key, mistakeRate);
  if (roll < 0.9) return webhookStep(random, key, mistakeRate);
  return otherStep(random, key, flows);
}

/** A script model whose YAML text is about `bytes` long. */
export function scriptModel(random, bytes, mistakeRate = 0.02) {
  const flowCount = Math.max(1, Math.round(bytes / 40000));
  const flowKeys = Array.from({ length: flowCount }, (_, i) => `flow_${i}`);
  const flows = flowKeys.map((key) => ({ key, title: `Flow ${key}`, steps: [] }));
  const stepsWanted = Math.max(2, Math.round(bytes / 212));
  for (let i = 0; i < stepsWanted; i++) flows[i % flowCount].steps.push(step(random, `step_${i}`, flowKeys, mistakeRate));
  return { name: `Bot ${Math.floor(random() * 1e6)}`, flows };
}

const yamlString = (value) => JSON.stringify(value);

function yamlStep(step) {
  const lines = [`      - key: ${step.key}`, `        type: ${step.type}`];
  for (const [name, value] of Object.entries(step)) {
    if (name === 'key' || name === 'type') continue;
    if (name === 'buttons') lines.push('        buttons:', ...value.flatMap((b) => [`          - text: ${yamlString(b.text)}`, `            url: ${yamlString(b.url)}`]));
    else if (name === 'headers') lines.push('        headers:', ...Object.entries(value).map(([h, v]) => `          ${h}: ${yamlString(v)}`));
    else if (name === 'body') lines.push(`        body: '${value.replaceAll("'", "''")}'`);
    else lines.push(`        ${name}: ${yamlString(value)}`);
  }
  return lines.join('\n');
}

export function scriptYaml(model) {
  const parts = [`# Generated bench script`, `name: ${yamlString(model.name)}`, 'flows:'];
  for (const flow of model.flows) {
    parts.push(`  - key: ${flow.key}`, `    title: ${yamlString(flow.title)}`, '    steps:');
    for (const s of flow.steps) parts.push(yamlStep(s));
  }
  return parts.join('\n') + '\n';
}

export const scriptJson = (model) => JSON.stringify(model, null, 2) + '\n';

/** A .webhook file of about `bytes`: `###` requests, GET postbacks and POST JSON calls. */
export function webhookFileText(random, bytes, mistakeRate = 0.02) {
  const parts = ['# Generated bench webhooks'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const step = webhookStep(random, `request_${i}`, mistakeRate);
    const lines = [`### ${step.key}`, `${step.method} ${step.url}`];
    if (step.headers) lines.push(...Object.entries(step.headers).map(([h, v]) => `${h}: ${v}`), '', step.body);
    const block = lines.join('\n') + '\n';
    parts.push(block);
    size += block.length;
  }
  return parts.join('\n');
}

/** Files for the throughput sections: [{ name, kind: 'yaml'|'json'|'webhook', text }]. */
export function throughputCorpus(seed, { yamlBytes, jsonBytes, webhookBytes }) {
  const random = seededRandom(seed);
  const files = [];
  const sizeOf = () => 4000 + Math.floor(random() * 116000);
  for (let total = 0, i = 0; total < yamlBytes; i++) total += add(files, `bot-${i}.script.yaml`, 'yaml', scriptYaml(scriptModel(random, sizeOf())));
  for (let total = 0, i = 0; total < jsonBytes; i++) total += add(files, `bot-${i}.script.json`, 'json', scriptJson(scriptModel(random, sizeOf())));
  for (let total = 0, i = 0; total < webhookBytes; i++) total += add(files, `hooks-${i}.webhook`, 'webhook', webhookFileText(random, 1000 + Math.floor(random() * 20000)));
  return files;
}

function add(files, name, kind, text) {
  files.push({ name, kind, text });
  return text.length;
}

/** 2,000 small files in 20 folders; `problems` says which ones hold a mistake. */
export function workspaceFiles(seed, count) {
  const random = seededRandom(seed);
  const files = [];
  for (let i = 0; i < count; i++) {
    const folder = `team-${i % 20}`;
    const roll = random();
    const bytes = 1000 + Math.floor(random() * 7000);
    const mistakeRate = random() < 0.15 ? 0.5 : 0;
    if (roll < 0.5) files.push({ path: `${folder}/bot-${i}.script.yaml`, text: scriptYaml(scriptModel(random, bytes, mistakeRate)) });
    else if (roll < 0.8) files.push({ path: `${folder}/bot-${i}.script.json`, text: scriptJson(scriptModel(random, bytes, mistakeRate)) });
    else files.push({ path: `${folder}/hooks-${i}.webhook`, text: webhookFileText(random, bytes, mistakeRate) });
  }
  return files;
}
