/**
 * The site's address as `npm start` and `npm run serve` run it: Docusaurus's
 * `url`, the origin the Postman collection's links and Sandbox environment
 * point at (a deployment elsewhere sets SITE_URL when it builds), and the
 * sandbox base a tester shows while the page is rendered at build time.
 * A constant only, so the browser bundle can import it.
 */
export const DEFAULT_SITE_URL = 'http://localhost:3000';
