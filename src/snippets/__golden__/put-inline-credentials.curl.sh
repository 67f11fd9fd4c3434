curl --silent --show-error --request PUT \
  --url 'https://api.agora.io/dev/v1/kicking-rule' \
  --user 'id'\''with"quotes$x:sec!ret`whoami`' \
  --header 'Content-Type: application/json' \
  --header 'X-Request-ID: fixed id with spaces' \
  --write-out '\nHTTP status: %{http_code}\n' \
  --data-raw '{
  "appid": "0123456789abcdef0123456789abcdef",
  "id": 1953,
  "time": 60
}'
