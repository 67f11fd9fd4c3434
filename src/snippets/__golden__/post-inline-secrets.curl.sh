curl --silent --show-error --request POST \
  --url 'https://api.agora.io/na/v1/projects/0123456789abcdef0123456789abcdef/cloud-player/players' \
  --user "${AGORA_CUSTOMER_ID:?is not set: export AGORA_CUSTOMER_ID=<Customer ID>}:${AGORA_CUSTOMER_SECRET:?is not set: export AGORA_CUSTOMER_SECRET=<Customer Secret>}" \
  --header 'Content-Type: application/json' \
  --header 'X-Request-ID: req-inline' \
  --write-out '\nHTTP status: %{http_code}\n' \
  --data-raw '{
  "player": {
    "streamUrl": "rtmp://example.com/live/a",
    "channelName": "demo",
    "uid": 7,
    "token": "tok'\''en $x",
    "encryptKey": "k\"e\\y"
  }
}'
