package dev.claraop.platform.crypto.shredding;

class InMemoryDataKeyStoreTest extends DataKeyStoreContract {

  private final InMemoryDataKeyStore store = new InMemoryDataKeyStore();

  @Override
  protected DataKeyStore store() {
    return store;
  }
}
