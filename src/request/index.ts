/** The one request model (`apiRequest.ts`), the one way to build it (`build.ts`), to take its secrets out (`secrets.ts`) and to judge the reader's own headers and query parameters (`customParams.ts`). */
export * from './apiRequest';
export * from './build';
export * from './secrets';
export * from './customParams';
