// `size-limit` (run by `pnpm test`): the minified, gzipped size of what a browser bundle (esbuild)
// loads up front for each package entry. Dynamic imports are left out (marked external): zod, the
// request schemas, the multipart encoder and the tool loop load on first use, so they are not part
// of a package's first load; the "on first use" checks count them too. Budgets sit a little above
// the measured size (about 5%), so a regression fails the suite. Sizes are in KiB (1024 bytes).
const lazyChunksOut = {
  name: 'lazy-chunks-out',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};
const firstLoad = (config) => ({ ...config, platform: 'browser', plugins: [...(config.plugins ?? []), lazyChunksOut] });
const withLazyChunks = (config) => ({ ...config, platform: 'browser' });

const service = (name, dir, factory, limit) => ({
  name: `${name}: ${factory}, first load`,
  path: `packages/${dir}/dist/index.js`,
  import: `{ ${factory} }`,
  gzip: true,
  limit,
  modifyEsbuildConfig: firstLoad,
});

export default [
  { ...service('chat only', 'openai-chat', 'createChatService', '22.5 KiB'), name: 'chat only: createChatService, first load' },
  { name: 'chat only: createChatService, first load, minified', path: 'packages/openai-chat/dist/index.js', import: '{ createChatService }', brotli: false, limit: '65.5 KiB', modifyEsbuildConfig: firstLoad },
  { name: 'chat only: createChatService, with zod and the schemas (first request)', path: 'packages/openai-chat/dist/index.js', import: '{ createChatService }', gzip: true, limit: '36 KiB', modifyEsbuildConfig: withLazyChunks },
  service('umbrella', 'openai', 'createOpenAIClient', '32.5 KiB'),
  service('files', 'openai-files', 'createFilesService', '24.5 KiB'),
  service('batches', 'openai-batches', 'createBatchesService', '27.5 KiB'),
  service('images', 'openai-images', 'createImagesService', '21.5 KiB'),
  service('audio', 'openai-audio', 'createAudioService', '22.5 KiB'),
  service('embeddings', 'openai-embeddings', 'createEmbeddingsService', '22.5 KiB'),
  service('models', 'openai-models', 'createModelsService', '21 KiB'),
  service('moderations', 'openai-moderations', 'createModerationsService', '21 KiB'),
];
