import React from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

interface Destination {
  title: string;
  to: string;
  description: string;
  cta: string;
}

// The four ways into the docs, in the order a new reader usually needs them.
const destinations: Destination[] = [
  {
    title: 'Video Calling REST API guide',
    to: '/docs/video-calling/rest-api-guide',
    description: 'Authenticate, create a channel, handle errors and rate limits, with an interactive tester beside each example.',
    cta: 'Read the guide',
  },
  {
    title: 'Media Pull best practices',
    to: '/docs/media-pull/best-practices',
    description: 'QPS and concurrency limits, failover and domain name switch, retries, and troubleshooting by error code.',
    cta: 'Harden your integration',
  },
  {
    title: 'API reference',
    to: '/docs/reference',
    description: 'Every operation of Cloud Recording, Channel management, Media Pull, Media Push, Cloud Transcoding, Real-Time STT and the Conversational AI Engine, generated from one OpenAPI 3.1 catalog, with a walkthrough for each newer family.',
    cta: 'Browse operations',
  },
  {
    title: 'Sandbox',
    to: '/docs/sandbox',
    description: 'Try every call against a local emulator with demo credentials, including rate limits and injected faults.',
    cta: 'Try it without an account',
  },
];

function DestinationCard({ title, to, description, cta }: Destination): React.JSX.Element {
  return (
    <Link to={to} className={clsx('card', styles.card)}>
      <Heading as="h2" className={styles.cardTitle}>
        {title}
      </Heading>
      <p className={styles.cardText}>{description}</p>
      <span className={styles.cardCta} aria-hidden="true">
        {cta} →
      </span>
    </Link>
  );
}

/** Landing page: one line of context, then the four destinations. */
export default function Home(): React.JSX.Element {
  return (
    <Layout
      title="Interactive Agora REST API docs"
      description="Guides, an OpenAPI reference and an offline sandbox for the Agora Video Calling, Cloud Recording, Channel management and Media Pull REST APIs."
    >
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.heroTitle}>
            Agora REST API, hands on
          </Heading>
          <p className={styles.heroSubtitle}>
            Read the guides, look up any operation, and send real requests from the page: to Agora with your own
            credentials, or to the built-in sandbox with none.
          </p>
          <div className={styles.heroActions}>
            <Link className="button button--primary button--lg" to="/docs/video-calling/rest-api-guide">
              Get started
            </Link>
            <Link className="button button--secondary button--outline button--lg" to="/docs/sandbox">
              Open the sandbox
            </Link>
          </div>
        </div>
      </header>
      <main className="container">
        <section className={styles.grid} aria-label="Documentation sections">
          {destinations.map((destination) => (
            <DestinationCard key={destination.to} {...destination} />
          ))}
        </section>
      </main>
    </Layout>
  );
}
