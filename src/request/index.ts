/** The one request model (`apiRequest.ts`), the one way to build it (`build.ts`) and the one way to take its secrets out (`secrets.ts`). */
export * from './apiRequest';
export * from './build';
export * from './secrets';
