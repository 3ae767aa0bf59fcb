// A local test server for the remote bot adapters: a bot speaking Handover's JSON contract
// at /json, and one speaking Rasa's REST channel at /webhooks/rest/webhook. What a message
// says decides how the server behaves, so one conversation walks through good answers,
// chips, a bot's own handoff, and the ways endpoints go wrong: slow, failing, garbled.
import { createServer } from 'node:http';

const SLOW_MS = 3000;
const wait = (ms) => new Promise((done) => setTimeout(done, ms));

function jsonBot(message) {
  if (/slow/.test(message)) return { delay: SLOW_MS, status: 200, body: { reply: 'Too late.' } };
  if (/broken/.test(message)) return { status: 500, body: 'Internal Server Error' };
  if (/garbled/.test(message)) return { status: 200, body: '<html>not json</html>' };
  if (/wrong shape/.test(message)) return { status: 200, body: { answer: 'no reply field' } };
  if (/refund/.test(message)) return { status: 200, body: { reply: 'Let me get a colleague for you.', handoff: true } };
  if (/unsure/.test(message)) {
    return {
      status: 200,
      body: { reply: "I'm not sure I follow.", confident: false, suggestions: ['Track an order', 'Start a return'] },
    };
  }
  return { status: 200, body: { reply: `You asked about **${message}**.` } };
}

function rasaBot(sender, message) {
  const say = (text, extra = {}) => ({ recipient_id: sender, text, ...extra });
  if (/slow/.test(message)) return { delay: SLOW_MS, status: 200, body: [say('Too late.')] };
  if (/broken/.test(message)) return { status: 502, body: 'Bad Gateway' };
  if (/garbled/.test(message)) return { status: 200, body: '[{"text": "half' };
  if (message === 'hello') {
    return {
      status: 200,
      body: [say('Hey! How can I help?', {
        buttons: [
          { title: 'Track my order', payload: '/track_order' },
          { title: 'Talk to support', payload: '/human' },
        ],
      })],
    };
  }
  if (message === '/track_order') return { status: 200, body: [say('Your order ships tomorrow.'), say('Anything else?')] };
  if (message === '/human' || /lost/.test(message)) return { status: 200, body: [say('Connecting you with a colleague.', { custom: { handoff: true } })] };
  if (/nothing/.test(message)) return { status: 200, body: [] };
  return { status: 200, body: [say("Sorry, I didn't get that. Can you rephrase?")] };
}

/** Starts both bots on a free port: { url, requests, close }. */
export async function startBots() {
  const requests = [];
  const server = createServer(async (req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'content-type, x-bot-key',
      'Access-Control-Allow-Methods': 'POST',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return res.end();
    }
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body = null;
    try { body = JSON.parse(raw); } catch { /* recorded as null */ }
    requests.push({ path: req.url, headers: req.headers, body });
    const answer = req.url === '/json'
      ? jsonBot(String(body?.message ?? ''))
      : req.url === '/webhooks/rest/webhook'
        ? rasaBot(body?.sender, String(body?.message ?? ''))
        : { status: 404, body: 'no such bot' };
    if (answer.delay) await wait(answer.delay);
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    try {
      res.writeHead(answer.status, { ...cors, 'Content-Type': 'application/json' });
      res.end(text);
    } catch { /* the widget gave up and the page may be gone */ }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
  };
}
