// The chat backend's NVCF client.
const NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';
const CHAT_FUNCTION_ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

const headers = {
  Authorization: `Bearer ${process.env.NVCF_API_KEY}`,
  'Content-Type': 'application/json',
};

export async function chat(messages: Array<{ role: string; content: string }>) {
  let response = await fetch(`${NVCF}/pexec/functions/${CHAT_FUNCTION_ID}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ messages, max_tokens: 1024 }),
  });
  while (response.status === 202) {
    const requestId = response.headers.get('NVCF-REQID');
    response = await fetch(`${NVCF}/pexec/status/${requestId}`, { headers });
  }
  return response.json();
}
