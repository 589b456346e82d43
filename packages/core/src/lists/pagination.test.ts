import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import { getResponseMeta, ResponseError, type CursorPage } from '../index.js';

const api = useMockApi();

interface Job {
  id: string;
}

function page(ids: string[], hasMore: boolean, lastId = true): CursorPage<Job> {
  return { object: 'list', data: ids.map((id) => ({ id })), has_more: hasMore, ...(lastId ? { first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null } : {}) };
}

describe('cursor pagination', () => {
  it('gives the first page when awaited, fetching it once', async () => {
    api.on('GET', '/fine_tuning/jobs', reply.json(page(['a', 'b'], true)));
    const list = mockCore().list<Job>('/fine_tuning/jobs', { query: { limit: 2 } });
    const first = await list;
    const again = await list;
    expect(first.data.map((job) => job.id)).toEqual(['a', 'b']);
    expect(first.has_more).toBe(true);
    expect(again).toBe(first);
    expect(api.calls).toHaveLength(1);
    expect(getResponseMeta(first)?.status).toBe(200);
  });

  it('walks every item across three pages with the after cursor', async () => {
    api.on('GET', '/fine_tuning/jobs', reply.json(page(['a', 'b'], true)), reply.json(page(['c', 'd'], true)), reply.json(page(['e'], false)));
    const ids: string[] = [];
    for await (const job of mockCore().list<Job>('/fine_tuning/jobs', { query: { limit: 2 } })) ids.push(job.id);
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(api.calls.map((call) => call.query)).toEqual([{ limit: '2' }, { limit: '2', after: 'b' }, { limit: '2', after: 'd' }]);
  });

  it('uses the last item id when the page has no last_id', async () => {
    api.on('GET', '/files', reply.json(page(['f1'], true, false)), reply.json(page(['f2'], false, false)));
    const ids: string[] = [];
    for await (const file of mockCore().list<Job>('/files')) ids.push(file.id);
    expect(ids).toEqual(['f1', 'f2']);
    expect(api.calls[1]!.query).toEqual({ after: 'f1' });
  });

  it('fetches the next page only when the previous one is used up', async () => {
    api.on('GET', '/batches', reply.json(page(['a', 'b'], true)), reply.json(page(['c'], false)));
    for await (const batch of mockCore().list<Job>('/batches')) {
      if (batch.id === 'a') break;
    }
    expect(api.calls).toHaveLength(1);
  });

  it('iterates pages as well as items', async () => {
    api.on('GET', '/batches', reply.json(page(['a'], true)), reply.json(page(['b'], false)));
    const sizes: number[] = [];
    for await (const each of mockCore().list<Job>('/batches').pages()) sizes.push(each.data.length);
    expect(sizes).toEqual([1, 1]);
  });

  it('stops with a typed error instead of looping when the cursor does not advance', async () => {
    api.on('GET', '/batches', reply.json(page(['a'], true)));
    const error = await caught(async () => {
      for await (const _batch of mockCore().list<Job>('/batches')) { /* drain */ }
    });
    expect(error).toBeInstanceOf(ResponseError);
    expect(api.calls.length).toBeLessThanOrEqual(3);
  });

  it('treats a list without has_more (models) as a single page', async () => {
    api.on('GET', '/models', reply.json({ object: 'list', data: [{ id: 'm1' }, { id: 'm2' }] }));
    const ids: string[] = [];
    for await (const model of mockCore().list<Job>('/models')) ids.push(model.id);
    expect(ids).toEqual(['m1', 'm2']);
  });
});
