curl --silent --show-error --request GET \
  --url 'https://api-eu-central-1.agora.io/v1/projects/a%2Fb%3Fc%3Dd%26e%20%23f/cloud-player/players/%C3%BCn%C3%AF%20%F0%9F%8E%89%20it'\''s%20%22quoted%22%20%24HOME%20%24%7BPATH%7D%20%60id%60%20%24(id)%20!!%20%5Cn%20%5C%20back%5Cslash?filter=channelName%20eq%20a%26b%3Dc&pageToken=50%25%20%26%20100%2525%20%2B%20plus&note=it'\''s%20%22quoted%22%20%24HOME%20%24%7BPATH%7D%20%60id%60%20%24(id)%20!!%20%5Cn%20%5C%20back%5Cslash%0Asecond%20line%09tab' \
  --user "${AGORA_CUSTOMER_ID:?is not set: export AGORA_CUSTOMER_ID=<Customer ID>}:${AGORA_CUSTOMER_SECRET:?is not set: export AGORA_CUSTOMER_SECRET=<Customer Secret>}" \
  --header 'X-Request-ID: req-0001' \
  --header 'X-Note: it'\''s "q" $HOME `id` !x & y=z; %41' \
  --write-out '\nHTTP status: %{http_code}\n'
