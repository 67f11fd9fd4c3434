/**
 * The sandbox's public demo credentials. They are printed on the Sandbox page
 * and in every snippet aimed at the sandbox; they open nothing at Agora.
 */
export const DEMO = {
  customerId: 'demo-customer-id',
  customerSecret: 'demo-customer-secret',
  appId: '0123456789abcdef0123456789abcdef',
  token: 'demo-token',
  /** The demo project's notification signing key (Agora's "NCS secret"). */
  ncsSecret: 'demo-ncs-secret',
} as const;

/** A user present in a seeded channel (channel management shows them). */
export interface DemoUser {
  uid: number;
  /** 1 = broadcaster, 2 = audience (channel-management `role`). */
  role: 1 | 2;
  /** Agora platform id: 1 Android, 2 iOS, 5 Windows, 6 Linux, 7 Web, 8 macOS. */
  platform: number;
}

/**
 * Channels that exist from the start (and again after a reset), so the
 * channel-management testers have something to show before anything is created.
 * Names are alphanumeric so the guide's get-channel can read them too.
 */
export const DEMO_CHANNELS: ReadonlyArray<{ name: string; users: DemoUser[] }> = [
  // `demo` is the channel of the catalog's examples (users 123, 456 and 789 appear there).
  {
    name: 'demo',
    users: [
      { uid: 123, role: 1, platform: 7 },
      { uid: 456, role: 2, platform: 1 },
      { uid: 789, role: 2, platform: 2 },
    ],
  },
  // The guide's get-channel example reads `myvideochannel`; it exists from the
  // start so that tester answers 200 before create-channel has been sent.
  {
    name: 'myvideochannel',
    users: [{ uid: 12345, role: 1, platform: 7 }],
  },
  {
    name: 'lobby',
    users: [
      { uid: 1001, role: 1, platform: 8 },
      { uid: 1002, role: 2, platform: 5 },
    ],
  },
];
