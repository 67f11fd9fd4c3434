import React, { type ComponentProps } from 'react';
import MDXComponents from '@theme-original/MDXComponents';
import ScrollRegion from '../components/ScrollRegion';

/**
 * Markdown tables in every doc go through here: each is wrapped in a scroll
 * region that the keyboard can reach when the table is wider than the column
 * (see ScrollRegion). Everything else keeps the theme's own components.
 */
function Table(props: ComponentProps<'table'>): React.JSX.Element {
  return (
    <ScrollRegion>
      <table {...props} />
    </ScrollRegion>
  );
}

export default {
  ...MDXComponents,
  table: Table,
};
