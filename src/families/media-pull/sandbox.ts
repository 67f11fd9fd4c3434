/**
 * Media Pull (cloud players), following the best-practice page: lowercase
 * regions, uid XOR account, names unique per project (409 + X-Resource-ID of
 * the existing player), idleTimeout 5-600 s (default 300; the player is removed
 * when it runs out, and an update restarts it), status `connecting` then
 * `running`, at most the catalog's `concurrentTasks` at once (429), list in ascending createTs with
 * page tokens ("0" on the last page) and the `channelName eq X` filter, updates
 * ordered by an increasing `sequence` (400 otherwise), idempotent delete.
 */
import { assignedUid, hexId } from '../../sandbox/ids';
import { channelFits, joinChannel, numericUid } from '../../sandbox/store';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { mediaPullDialect as dialect } from './dialect';
import { playerSlice, removePlayer, type Player } from './state';

/** Concurrent players per project when the catalog names no number (the best-practice page says 50). */
const DEFAULT_MAX_PLAYERS = 50;

export const REGIONS = ['cn', 'ap', 'na', 'eu'] as const;
/** A new player reports `connecting` for this long, then `running`. */
export const CONNECTING_MS = 3000;
export const DEFAULT_IDLE_TIMEOUT = 300;
export const DEFAULT_PAGE_SIZE = 200;

interface PlayerInput {
  streamUrl?: string;
  channelName?: string;
  uid?: number;
  account?: string;
  token?: string;
  idleTimeout?: number;
  name?: string;
  audioOptions?: unknown;
  videoOptions?: unknown;
  repeatTime?: number;
  seekPosition?: number;
  isPause?: boolean;
}

const input = (ctx: HandlerContext): PlayerInput => ((ctx.body as { player?: PlayerInput } | undefined)?.player ?? {});

const notFound = (id: string): SandboxResult =>
  dialect.error(404, 'Resource is not found or destroyed.', 'id', `No cloud player with id "${id.slice(0, 64)}" exists (it may have been deleted or reached its idleTimeout). List the players to see which exist.`, {
    headers: { 'X-Resource-ID': id },
  });

function statusOf(player: Player, now: number): 'connecting' | 'running' {
  return now - player.createdAt < CONNECTING_MS ? 'connecting' : 'running';
}

function describe(player: Player, now: number) {
  return {
    id: player.id,
    ...(player.name !== undefined ? { name: player.name } : {}),
    channelName: player.channelName,
    streamUrl: player.streamUrl,
    ...(player.account !== undefined ? { account: player.account } : { uid: player.uid }),
    idleTimeout: player.idleTimeout,
    createTs: player.createTs,
    status: statusOf(player, now),
  };
}

function checkRegion(region: string): SandboxResult | null {
  if ((REGIONS as readonly string[]).includes(region)) return null;
  const lower = region.toLowerCase();
  return dialect.invalidParameter('region',
    (REGIONS as readonly string[]).includes(lower)
      ? `must be lowercase: use "${lower}" (got "${region}").`
      : `must be one of ${REGIONS.join(', ')} (got "${region.slice(0, 20)}").`,
  );
}

/** `channelName eq X` (X may be quoted); null when there is no filter, an error string when malformed. */
export function parseFilter(filter: string | null): { channelName: string } | null | string {
  if (filter === null || filter.trim() === '') return null;
  const match = /^\s*channelName\s+eq\s+(?:"([^"]*)"|'([^']*)'|(\S+))\s*$/.exec(filter);
  if (!match) return `must look like "channelName eq <name>" (got "${filter.slice(0, 60)}").`;
  return { channelName: match[1] ?? match[2] ?? match[3] };
}

export const mediaPullHandlers: OperationHandler[] = [
  {
    operationId: 'create-cloud-player',
    check: (ctx) => {
      const regionError = checkRegion(ctx.params.region);
      if (regionError) return regionError;
      const player = input(ctx);
      if (player.uid !== undefined && player.account !== undefined) {
        return dialect.invalidParameter('player.account', 'set either player.uid or player.account, not both.');
      }
      const idle = player.idleTimeout ?? DEFAULT_IDLE_TIMEOUT;
      if (!Number.isInteger(idle) || idle < 5 || idle > 600) {
        return dialect.invalidParameter('player.idleTimeout', `must be an integer from 5 to 600 seconds (got ${String(idle)}).`);
      }
      if (player.name !== undefined) {
        const existing = [...playerSlice.of(ctx.project).players.values()].find((p) => p.name === player.name);
        if (existing) {
          return dialect.error(409,
            'Resource with the same name already exists.',
            'player.name',
            `A cloud player named "${player.name}" already exists (id ${existing.id}, in X-Resource-ID). Use it, or delete it and create again.`,
            { headers: { 'X-Resource-ID': existing.id } },
          );
        }
      }
      const maxPlayers = ctx.operation.limits.concurrentTasks ?? DEFAULT_MAX_PLAYERS;
      if (playerSlice.of(ctx.project).players.size >= maxPlayers) {
        return dialect.error(429,
          'Resource quota exceeded.',
          '',
          `At most ${maxPlayers} cloud players run at once in a project. Delete one, or wait for one to reach its idleTimeout.`,
        );
      }
      if (!channelFits(ctx.project, player.channelName ?? '')) {
        return dialect.error(429, 'No available resources.', '', 'The sandbox channel store is full for this App ID; delete players or wait for channels to empty.');
      }
      return null;
    },
    handle: (ctx) => {
      const body = input(ctx);
      const idleTimeout = body.idleTimeout ?? DEFAULT_IDLE_TIMEOUT;
      const player: Player = {
        id: hexId(),
        seq: playerSlice.of(ctx.project).nextSeq++,
        region: ctx.params.region,
        name: body.name,
        channelName: body.channelName ?? '',
        streamUrl: body.streamUrl ?? '',
        // uid 0 (or neither uid nor account) asks Agora to assign a uid.
        ...(body.account !== undefined ? { account: body.account } : { uid: body.uid ? body.uid : assignedUid() }),
        token: body.token,
        idleTimeout,
        createTs: Math.floor(ctx.now / 1000),
        createdAt: ctx.now,
        expiresAt: ctx.now + idleTimeout * 1000,
        sequence: -1,
        isPause: false,
        audioOptions: body.audioOptions,
        videoOptions: body.videoOptions,
        seekPosition: body.seekPosition,
        repeatTime: body.repeatTime,
      };
      playerSlice.of(ctx.project).players.set(player.id, player);
      joinChannel(
        ctx.project,
        player.channelName,
        { uid: numericUid(player.account ?? player.uid ?? 0), ...(player.account !== undefined ? { account: player.account } : {}), role: 1, platform: 6, join: player.createTs, source: 'player' },
        ctx.now,
      );
      const created = {
        id: player.id,
        ...(player.account !== undefined ? { account: player.account } : { uid: player.uid }),
        channelName: player.channelName,
        ...(player.name !== undefined ? { name: player.name } : {}),
        createTs: player.createTs,
        status: statusOf(player, ctx.now),
      };
      return {
        status: 200,
        headers: { 'X-Resource-ID': player.id },
        body: { player: created, fields: Object.keys(created).sort().map((key) => `player.${key}`).join(',') },
      };
    },
  },
  {
    operationId: 'list-cloud-players',
    check: (ctx) => {
      const filter = parseFilter(ctx.query.get('filter'));
      if (typeof filter === 'string') return dialect.invalidParameter('filter', filter);
      const token = ctx.query.get('pageToken');
      if (token !== null && token !== '' && !/^\d+$/.test(token)) {
        return dialect.invalidParameter('pageToken', 'must be a nextPageToken from an earlier list response.');
      }
      return null;
    },
    handle: (ctx) => {
      const filter = parseFilter(ctx.query.get('filter')) as { channelName: string } | null;
      const pageSize = Number(ctx.query.get('pageSize') || DEFAULT_PAGE_SIZE);
      // Tokens are creation sequence numbers, so deleting a player never breaks paging; "0" or none = first page.
      const from = Number(ctx.query.get('pageToken') || 0);
      const matching = [...playerSlice.of(ctx.project).players.values()]
        .filter((player) => !filter || player.channelName === filter.channelName)
        .sort((a, b) => a.seq - b.seq)
        .filter((player) => player.seq >= from);
      const page = matching.slice(0, pageSize);
      const next = matching[pageSize];
      return {
        status: 200,
        body: {
          players: page.map((player) => describe(player, ctx.now)),
          nextPageToken: next ? String(next.seq) : '0',
          fields: 'players,nextPageToken',
        },
      };
    },
  },
  {
    operationId: 'update-cloud-player',
    check: (ctx) => checkRegion(ctx.params.region),
    handle: (ctx) => {
      const player = playerSlice.of(ctx.project).players.get(ctx.params.id);
      if (!player) return notFound(ctx.params.id);
      const sequence = Number(ctx.query.get('sequence'));
      if (!Number.isInteger(sequence) || sequence <= player.sequence) {
        // 400, not 409: the catalog documents 400/404 for update, and a stale
        // sequence is a parameter the caller must fix (resend with a larger one).
        return dialect.error(400,
          'The sequence parameter is invalid. Fix it in your request and retry.',
          'sequence',
          `must be greater than the last accepted sequence ${player.sequence} (got ${String(ctx.query.get('sequence'))}). Send ${player.sequence + 1} or more.`,
          { headers: { 'X-Resource-ID': player.id } },
        );
      }
      const body = input(ctx);
      player.sequence = sequence;
      if (body.streamUrl !== undefined) player.streamUrl = body.streamUrl;
      if (body.audioOptions !== undefined) player.audioOptions = body.audioOptions;
      if (body.isPause !== undefined) player.isPause = body.isPause;
      if (body.seekPosition !== undefined) player.seekPosition = body.seekPosition;
      // An update is activity: the idle timer starts again.
      player.expiresAt = ctx.now + player.idleTimeout * 1000;
      return { status: 200, headers: { 'X-Resource-ID': player.id }, body: {} };
    },
  },
  {
    operationId: 'delete-cloud-player',
    check: (ctx) => checkRegion(ctx.params.region),
    handle: (ctx) => {
      // Idempotent: deleting a player that is already gone succeeds too.
      removePlayer(ctx.project, ctx.params.id);
      return { status: 200, headers: { 'X-Resource-ID': ctx.params.id }, body: {} };
    },
  },
];
