/** The one request model (`apiRequest.ts`) and the one way to build it (`build.ts`). */
export * from './apiRequest';
export * from './build';
