/**
 * Media Pull (cloud players), following the best-practice page where it speaks
 * and Agora's API reference elsewhere: lowercase regions, uid XOR account,
 * names unique per project (409 + X-Resource-ID of the existing player),
 * idleTimeout brought into 5-600 s (default 300; the player is removed when it
 * runs out, an update restarts it and a paused player never runs out), status
 * `idle` until a later `playTs`, then `connecting`, then `running`, at most the
 * catalog's `concurrentTasks` at once (429), list in ascending createTs with
 * page tokens ("0" on the last page) and the `channelName eq X` filter,
 * updates ordered by an increasing `sequence` (400 otherwise), idempotent delete.
 */
import { assignedUid, hexId } from '../../sandbox/ids';
import { channelFits, joinChannel, numericUid } from '../../sandbox/project';
import { staleSequence } from '../../sandbox/sequence';
import { clampTimeout, regionProblem } from '../../sandbox/regionalTasks';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { badRequestMessage, mediaPullDialect as dialect } from './dialect';
import { playerCreated } from './events';
import { playerSlice, removePlayer, type AudioOptions, type Player, type PlayerStatus, type VideoOptions } from './state';

/** Concurrent players per project when the catalog names no number (the best-practice page says 50). */
const DEFAULT_MAX_PLAYERS = 50;

/** A new player reports `connecting` for this long, then `running`. */
export const CONNECTING_MS = 3000;
export const DEFAULT_IDLE_TIMEOUT = 300;
/** Agora brings an idleTimeout outside these bounds to the nearest one instead of refusing it. */
export const IDLE_TIMEOUT_BOUNDS = { min: 5, max: 600 } as const;
export const DEFAULT_PAGE_SIZE = 200;
/** The playback speeds Agora lists for `tempo`. */
export const TEMPOS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;
/** `playTs` may lie up to a day before and five minutes after the creation time (seconds). */
export const PLAY_TS_WINDOW = { before: 86_400, after: 300 } as const;

interface PlayerInput {
  streamUrl?: string;
  channelName?: string;
  uid?: number;
  account?: string;
  token?: string;
  idleTimeout?: number;
  name?: string;
  audioOptions?: AudioOptions;
  videoOptions?: VideoOptions;
  playTs?: number;
  encryptMode?: string;
  encryptKey?: string;
  encryptKdfSalt?: string;
  repeatTime?: number;
  seekPosition?: number;
  dataStreamOptions?: { enable?: boolean };
  tempo?: number;
  isPause?: boolean;
}

/** `idleTimeout` as Agora applies it: the default when absent, else brought into 5-600 s. */
export function effectiveIdleTimeout(requested: number | undefined): number {
  return clampTimeout(requested, DEFAULT_IDLE_TIMEOUT, IDLE_TIMEOUT_BOUNDS);
}

/** Video options as the player encodes them: H.264 is the only codec, whatever was asked for. */
export function effectiveVideoOptions(requested: VideoOptions | undefined): VideoOptions | undefined {
  return requested === undefined ? undefined : { ...requested, codec: 'H.264' };
}

/** Refusals Agora documents in field descriptions rather than schemas (a tempo off its list, repeatTime 0, playTs out of its window). */
function checkPlayback(player: PlayerInput, nowSeconds: number): SandboxResult | null {
  if (player.tempo !== undefined && !(TEMPOS as readonly number[]).includes(player.tempo)) {
    return dialect.invalidParameter('player.tempo', `must be one of ${TEMPOS.join(', ')} (got ${player.tempo}).`);
  }
  const repeat = player.repeatTime;
  if (repeat !== undefined && !(repeat === -1 || (Number.isInteger(repeat) && repeat >= 1))) {
    return dialect.invalidParameter('player.repeatTime', `must be -1 (loop) or a whole number of plays from 1 (got ${repeat}).`);
  }
  const playTs = player.playTs;
  if (playTs !== undefined && playTs !== 0) {
    const earliest = nowSeconds - PLAY_TS_WINDOW.before;
    const latest = nowSeconds + PLAY_TS_WINDOW.after;
    if (playTs < earliest || playTs > latest) {
      return dialect.invalidParameter('player.playTs', `must be 0 or a Unix time from ${earliest} to ${latest} (a day before to five minutes after now; got ${playTs}).`);
    }
  }
  return null;
}

const input = (ctx: HandlerContext): PlayerInput => ((ctx.body as { player?: PlayerInput } | undefined)?.player ?? {});

const notFound = (id: string): SandboxResult =>
  dialect.error(404, 'Resource is not found or destroyed.', 'playerid', `No cloud player with id "${id.slice(0, 64)}" exists (it may have been deleted or reached its idleTimeout). List the players to see which exist.`, {
    headers: { 'X-Resource-ID': id },
  });

function statusOf(player: Player, now: number): PlayerStatus {
  if (now < player.playAt) return 'idle';
  return now - player.playAt < CONNECTING_MS ? 'connecting' : 'running';
}

function describe(player: Player, now: number) {
  return {
    id: player.id,
    ...(player.name !== undefined ? { name: player.name } : {}),
    channelName: player.channelName,
    streamUrl: player.streamUrl,
    ...(player.account !== undefined ? { account: player.account } : { uid: player.uid }),
    createTs: player.createTs,
    status: statusOf(player, now),
  };
}

function checkRegion(region: string): SandboxResult | null {
  const problem = regionProblem(region);
  return problem ? dialect.invalidParameter('region', problem) : null;
}

/** The player fields a list entry may hold, as the answer's field mask names them. */
const LIST_FIELDS = ['name', 'streamUrl', 'channelName', 'uid', 'account', 'id', 'createTs', 'status'].map((field) => `player.${field}`).join(',');

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
      const playback = checkPlayback(player, Math.floor(ctx.now / 1000));
      if (playback) return playback;
      // An empty name is no name: Agora allows any number of unnamed players.
      if (player.name) {
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
      const idleTimeout = effectiveIdleTimeout(body.idleTimeout);
      const createTs = Math.floor(ctx.now / 1000);
      // A later playTs schedules playback: the player is idle until then. An earlier one (or 0)
      // starts at once; for an on-demand file it only moves the start point.
      const playAt = body.playTs !== undefined && body.playTs > createTs ? body.playTs * 1000 : ctx.now;
      const player: Player = {
        id: hexId(),
        seq: playerSlice.of(ctx.project).nextSeq++,
        region: ctx.params.region,
        name: body.name || undefined,
        channelName: body.channelName ?? '',
        streamUrl: body.streamUrl ?? '',
        // uid 0 (or neither uid nor account) asks Agora to assign a uid.
        ...(body.account !== undefined ? { account: body.account } : { uid: body.uid ? body.uid : assignedUid() }),
        token: body.token,
        idleTimeout,
        createTs,
        createdAt: ctx.now,
        playAt,
        expiresAt: playAt + idleTimeout * 1000,
        sequence: -1,
        isPause: false,
        streamIp: ctx.query.get('streamIp') ?? undefined,
        audioOptions: body.audioOptions,
        videoOptions: effectiveVideoOptions(body.videoOptions),
        // The sandbox pulls no media, so it keeps only whether encryption was asked for, never the key.
        encryptMode: body.encryptKey ? body.encryptMode : undefined,
        dataStream: body.dataStreamOptions?.enable === true,
        seekPosition: body.seekPosition,
        repeatTime: body.repeatTime,
        tempo: body.tempo ?? 1,
      };
      playerSlice.of(ctx.project).players.set(player.id, player);
      joinChannel(
        ctx.project,
        player.channelName,
        { uid: numericUid(player.account ?? player.uid ?? 0), ...(player.account !== undefined ? { account: player.account } : {}), role: 1, platform: 6, join: player.createTs, source: 'player' },
        ctx.now,
      );
      playerCreated(ctx.project, player, statusOf(player, ctx.now), ctx.requestId, ctx.now, CONNECTING_MS);
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
      const all = [...playerSlice.of(ctx.project).players.values()]
        .filter((player) => !filter || player.channelName === filter.channelName)
        .sort((a, b) => a.seq - b.seq);
      const matching = all.filter((player) => player.seq >= from);
      const page = matching.slice(0, pageSize);
      const next = matching[pageSize];
      return {
        status: 200,
        body: {
          // Every player the filter matches, not only those from this page on.
          totalSize: all.length,
          players: page.map((player) => describe(player, ctx.now)),
          fields: LIST_FIELDS,
          nextPageToken: next ? String(next.seq) : '0',
        },
      };
    },
  },
  {
    operationId: 'update-cloud-player',
    check: (ctx) => checkRegion(ctx.params.region) ?? checkPlayback(input(ctx), Math.floor(ctx.now / 1000)),
    handle: (ctx) => {
      const player = playerSlice.of(ctx.project).players.get(ctx.params.playerid);
      if (!player) return notFound(ctx.params.playerid);
      const sequence = Number(ctx.query.get('sequence'));
      const stale = staleSequence(sequence, player.sequence, String(ctx.query.get('sequence')));
      if (stale) {
        // 400, not 409: the catalog documents 400/404 for update, and a stale
        // sequence is a parameter the caller must fix (resend with a larger one).
        return dialect.error(400, badRequestMessage('sequence'), 'sequence', stale, { headers: { 'X-Resource-ID': player.id } });
      }
      const body = input(ctx);
      player.sequence = Number(ctx.query.get('sequence'));
      if (body.streamUrl !== undefined) player.streamUrl = body.streamUrl;
      // volume alone keeps the profile, and the profile alone keeps the volume.
      if (body.audioOptions !== undefined) player.audioOptions = { ...player.audioOptions, ...body.audioOptions };
      if (body.isPause !== undefined) player.isPause = body.isPause;
      if (body.seekPosition !== undefined) player.seekPosition = body.seekPosition;
      if (body.tempo !== undefined) player.tempo = body.tempo;
      // An update is activity: the idle timer starts again (a paused player's never runs; see state.ts).
      player.expiresAt = ctx.now + player.idleTimeout * 1000;
      return { status: 200, headers: { 'X-Resource-ID': player.id }, body: {} };
    },
  },
  {
    operationId: 'delete-cloud-player',
    check: (ctx) => checkRegion(ctx.params.region),
    handle: (ctx) => {
      // Idempotent: deleting a player that is already gone succeeds too.
      removePlayer(ctx.project, ctx.params.id, ctx.now, 'Delete Request');
      return { status: 200, headers: { 'X-Resource-ID': ctx.params.id }, body: {} };
    },
  },
];
