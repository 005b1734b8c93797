handle() {
  echo "{\"requestId\":\"$1\",\"event\":$2}"
}
