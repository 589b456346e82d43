/** Test helpers shared by every package's tests (private; never published). */
export { MOCK_BASE_URL, useMockApi, type MockApi, type RecordedCall, type RecordedPart } from './mock-api.js';
export { reply, sseText, type Reply, type ReplyInit, type SseItem } from './replies.js';
export { drainRequest, startLoopbackServer, type LoopbackHandler, type LoopbackServer } from './loopback-server.js';
export { caught, MOCK_CLIENT_OPTIONS, MOCK_OPENAI_URL, useMockOpenAI } from './mock-openai.js';
