curl --silent --show-error --request DELETE \
  --url 'https://api.agora.io/dev/v1/kicking-rule?keep=%3D' \
  --header 'Content-Type: application/json' \
  --header "X-Request-ID: $(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid)" \
  --write-out '\nHTTP status: %{http_code}\n' \
  --data-raw '{
  "appid": "x",
  "id": 7
}'
