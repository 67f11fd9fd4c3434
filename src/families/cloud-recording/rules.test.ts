import { acquireProblem, channelNameOk, clientRequestProblem, disagreement, layoutProblem, uidProblem, updateProblem } from './rules';

const STORAGE = { vendor: 1, region: 0, bucket: 'b', accessKey: 'a', secretKey: 's' };

describe("Cloud Recording's prose rules", () => {
  it('takes uids from 1 to 4294967295, written as decimal strings', () => {
    for (const ok of ['1', '527841', '999999999', '4294967295', '4199999999', '4294967289']) expect(uidProblem(ok), ok).toBeNull();
    for (const bad of ['0', '01', '4294967296', '4294967300', '5000000000', '12345678901', '-1', 'abc', '', ' 1']) {
      expect(uidProblem(bad), bad).toMatchObject({ field: 'uid' });
    }
  });

  it("takes channel names of Agora's characters up to 64 bytes, and any web page label up to 1024 bytes", () => {
    expect(channelNameOk('demo room_1 !#$%&()+-:;<=.>?@[]^_{}|~,', 0)).toBe(true);
    for (const bad of ['', 'a/b', 'ünï', 'x'.repeat(65), 'tab\there']) expect(channelNameOk(bad, 0), bad).toBe(false);
    expect(channelNameOk('https://example.com/page?a=1', 1)).toBe(true);
    expect(channelNameOk('é'.repeat(513), 1)).toBe(false);
  });

  it('names the first value outside a documented list, with its concrete path', () => {
    const layout = { recordingConfig: { channelType: 0, transcodingConfig: { layoutConfig: [{ render_mode: 0 }, { render_mode: 2 }] } }, storageConfig: STORAGE };
    expect(clientRequestProblem(layout, 'clientRequest')).toEqual({
      field: 'clientRequest.recordingConfig.transcodingConfig.layoutConfig.1.render_mode',
      reason: 'must be one of 0, 1.',
    });
    expect(acquireProblem({ region: 'eu' })).toMatchObject({ field: 'clientRequest.region' });
    expect(acquireProblem({ scene: 1, region: 'EU' })).toBeNull();
    expect(layoutProblem({ mixedVideoLayout: 4 })).toMatchObject({ field: 'clientRequest.mixedVideoLayout' });
  });

  it('applies the "not together", "needs" and size rules', () => {
    const at = (extra: Record<string, unknown>) => clientRequestProblem({ storageConfig: STORAGE, ...extra }, 'clientRequest')?.field;
    expect(at({ recordingConfig: { channelType: 0, decryptionMode: 5 } })).toBe('clientRequest.recordingConfig.secret');
    expect(at({ recordingConfig: { channelType: 0, decryptionMode: 7, secret: 'k' } })).toBe('clientRequest.recordingConfig.salt');
    expect(at({ recordingConfig: { channelType: 0, subscribeVideoUids: Array.from({ length: 33 }, (_, i) => String(i + 1)) } })).toBe('clientRequest.recordingConfig.subscribeVideoUids');
    expect(at({ recordingConfig: { channelType: 0, transcodingConfig: { mixedVideoLayout: 2 } } })).toBe('clientRequest.recordingConfig.transcodingConfig.maxResolutionUid');
    expect(at({ storageConfig: { ...STORAGE, vendor: 5, stsToken: 't' } })).toBe('clientRequest.storageConfig.stsToken');
    expect(at({ storageConfig: { ...STORAGE, fileNamePrefix: Array.from({ length: 20 }, () => 'abcdefgh') } })).toBe('clientRequest.storageConfig.fileNamePrefix');
    const page = { url: 'https://example.com', audioProfile: 0, videoWidth: 1920, videoHeight: 1088, maxRecordingHour: 1 };
    expect(at({ extensionServiceConfig: { extensionServices: [{ serviceName: 'web_recorder_service', serviceParam: page }] } })).toBe(
      'clientRequest.extensionServiceConfig.extensionServices.0.serviceParam.videoWidth',
    );
    expect(at({ recordingConfig: { channelType: 1, subscribeAudioUids: ['#allstream#'] }, recordingFileConfig: { avFileType: ['hls', 'mp4'] } })).toBeUndefined();
    expect(updateProblem({ streamSubscribe: { videoUidList: { subscribeVideoUids: ['1'], unsubscribeVideoUids: ['2'] } } })).toMatchObject({
      field: 'clientRequest.streamSubscribe.videoUidList.unsubscribeVideoUids',
    });
    expect(updateProblem({})).toBeNull();
  });

  it("finds where start's clientRequest disagrees with acquire's startParameter (what start adds is fine)", () => {
    const startParameter = { storageConfig: STORAGE, recordingConfig: { channelType: 1, subscribeAudioUids: ['1'] } };
    expect(disagreement(startParameter, { ...startParameter, token: 't' })).toBeNull();
    expect(disagreement(startParameter, { storageConfig: STORAGE, recordingConfig: { channelType: 1, subscribeAudioUids: ['2'] } })).toBe(
      'clientRequest.recordingConfig.subscribeAudioUids',
    );
    expect(disagreement(startParameter, { storageConfig: STORAGE })).toBe('clientRequest.recordingConfig');
  });
});
