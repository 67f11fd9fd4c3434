curl --silent --show-error --request POST \
  --url 'https://api.agora.io/api/conversational-ai-agent/v2/projects/0123456789abcdef0123456789abcdef/agents/1NT29X10YHDS8UWJOXLYHNYB/speak' \
  --header "Authorization: agora token=${AGORA_TOKEN:?is not set: export AGORA_TOKEN=<token>}" \
  --header 'Content-Type: application/json' \
  --header 'X-Request-ID: req-speak' \
  --write-out '\nHTTP status: %{http_code}\n' \
  --data-raw '{
  "text": "Your order has shipped.",
  "priority": "INTERRUPT",
  "interruptable": false
}'
