/**
 * A webpack loader that makes a file's text its default export. The Webhooks
 * page imports the example receivers through it (an inline `!!` loader, so no
 * site configuration is involved), which makes the code on the page the very
 * files the tests run. CommonJS because webpack loads loaders with require().
 */
module.exports = function rawTextLoader(source) {
  return `export default ${JSON.stringify(String(source))};\n`;
};
