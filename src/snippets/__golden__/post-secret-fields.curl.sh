curl --silent --show-error --request POST \
  --url 'https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/resourceid/res-1/mode/mix/start' \
  --user "${AGORA_CUSTOMER_ID:?is not set: export AGORA_CUSTOMER_ID=<Customer ID>}:${AGORA_CUSTOMER_SECRET:?is not set: export AGORA_CUSTOMER_SECRET=<Customer Secret>}" \
  --header 'Content-Type: application/json' \
  --header 'X-Request-ID: req-secret' \
  --write-out '\nHTTP status: %{http_code}\n' \
  --data-raw '{
  "cname": "demo",
  "uid": "527841",
  "clientRequest": {
    "token": "'"${AGORA_RECORDING_RTC_TOKEN:?is not set: export AGORA_RECORDING_RTC_TOKEN=<clientRequest.token>}"'",
    "storageConfig": {
      "vendor": 1,
      "region": 0,
      "bucket": "demo-bucket",
      "accessKey": "'"${AGORA_STORAGE_ACCESS_KEY:?is not set: export AGORA_STORAGE_ACCESS_KEY=<clientRequest.storageConfig.accessKey>}"'",
      "secretKey": "'"${AGORA_STORAGE_SECRET_KEY:?is not set: export AGORA_STORAGE_SECRET_KEY=<clientRequest.storageConfig.secretKey>}"'"
    }
  }
}'
