module.exports = {
  title: 'Plain Docusaurus',
  url: 'http://localhost',
  baseUrl: '/',
  presets: [['classic', { docs: { routeBasePath: 'docs' }, blog: false, theme: {} }]],
};
