curl --silent --show-error --request POST \
  --url 'https://api.agora.io/v1/projects/proj-1/rtc/channels' \
  --header "Authorization: Bearer ${AGORA_TOKEN:?is not set: export AGORA_TOKEN=<token>}" \
  --header 'Content-Type: application/json' \
  --header "X-Request-ID: $(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid)" \
  --write-out '\nHTTP status: %{http_code}\n' \
  --data-raw '{
  "channel": "it'\''s \"quoted\" $HOME ${PATH} `id` $(id) !! \\n \\ back\\slash",
  "unicode": "ünïcødé 日本語 🎉 \u2028 \u00ad",
  "multiline": "line 1\nline 2\r\nline 3",
  "__proto__": {
    "polluted": true
  },
  "key with \"quotes\" and '\''apostrophes'\''": [
    1,
    2.5,
    -0.001,
    1e+21,
    true,
    false,
    null,
    [],
    {}
  ],
  "nested": {
    "deeper": {
      "text": "</script><!-- $x `y` -->"
    }
  }
}'
