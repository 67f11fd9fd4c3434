/**
 * The guide's two illustrative calls (not in Agora's published reference):
 * create-channel reads like acquire + start folded into one call, so it puts a
 * channel with the caller in the store and starts a (mix) recording whose sid
 * query-recording accepts; get-channel shows a channel and who is in it. The
 * channel-name rule (`^[A-Za-z0-9]{1,63}$`) is the catalog schema's; a breach
 * gets the guide's own 400 body (see the dialect's invalidParameter).
 */
import { hexId, resourceId } from '../../sandbox/ids';
import { CAPS as ENGINE_CAPS, channelFits, joinChannel, numericUid } from '../../sandbox/project';
import type { OperationHandler } from '../../sandbox/types';
import { recordingStarted } from '../cloud-recording/events';
import { STARTING_MS } from '../cloud-recording/sandbox';
import { CAPS as RECORDING_CAPS, recordingSlice, type Recording } from '../cloud-recording/state';
import { guideDialect as dialect } from './dialect';

/** A channel made by create-channel lives an hour after its last use. */
export const GUIDE_CHANNEL_TTL_MS = 60 * 60_000;

interface CreateChannelBody {
  channel: string;
  uid: string;
}

export const guideHandlers: OperationHandler[] = [
  {
    operationId: 'create-channel',
    check: (ctx) => {
      const body = ctx.body as CreateChannelBody;
      if (!channelFits(ctx.project, body.channel) || recordingSlice.of(ctx.project).recordings.size >= RECORDING_CAPS.recordings) {
        return dialect.error(
          429,
          'Resource quota exceeded',
          '',
          `The sandbox holds at most ${ENGINE_CAPS.channels} channels and ${RECORDING_CAPS.recordings} recordings per App ID. Stop a recording or wait for channels to expire.`,
        );
      }
      return null;
    },
    handle: (ctx) => {
      const body = ctx.body as CreateChannelBody;
      joinChannel(
        ctx.project,
        body.channel,
        { uid: numericUid(body.uid), ...(/^\d+$/.test(body.uid) ? {} : { account: body.uid }), role: 1, platform: 7, join: Math.floor(ctx.now / 1000), source: 'guide', expiresAt: ctx.now + GUIDE_CHANNEL_TTL_MS },
        ctx.now,
      );
      const recording: Recording = {
        sid: hexId(),
        resourceId: resourceId(),
        cname: body.channel,
        uid: body.uid,
        mode: 'mix',
        startedAt: ctx.now,
        lastActivity: ctx.now,
        updates: 0,
      };
      recordingSlice.of(ctx.project).recordings.set(recording.sid, recording);
      recordingStarted(ctx.project, recording, STARTING_MS);
      return {
        status: 200,
        body: {
          code: 200,
          message: 'success',
          data: { resourceId: recording.resourceId, sid: recording.sid, serverResponse: { status: 1, fileList: [] } },
        },
      };
    },
  },
  {
    operationId: 'get-channel',
    handle: (ctx) => {
      const name = ctx.params.channelName;
      const channel = ctx.project.channels.get(name);
      if (!channel) {
        return dialect.error(
          404,
          'Channel not found',
          'channelName',
          `No channel named ${name} exists in this project. Create it with create-channel, or try "demo".`,
        );
      }
      const participants = [...channel.users.values()].map((user) => ({
        uid: user.account ?? String(user.uid),
        role: user.role === 1 ? 'broadcaster' : 'audience',
        joinTs: user.join,
      }));
      return {
        status: 200,
        body: {
          code: 200,
          message: 'success',
          data: { channel: channel.name, createTs: Math.floor(channel.createdAt / 1000), total: participants.length, participants },
        },
      };
    },
  },
];
