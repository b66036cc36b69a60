import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests never read or write the user's cache (tests of the cache give their own folder), nor use a build server.
    env: { DOCKETPRESS_CACHE_DIR: 'off', DOCKETPRESS_SERVER: '' },
  },
});
